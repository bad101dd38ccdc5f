/**
 * The content policy: the versioned categories reports and decisions are filed under, with their
 * sub-reasons, severity, default priority, the clearance a reviewer needs and the actions allowed.
 */
@NullMarked
package org.vigil.policy;

import org.jspecify.annotations.NullMarked;
