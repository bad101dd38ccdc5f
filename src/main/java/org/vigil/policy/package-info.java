/** The content policy: the categories reports and decisions are filed under. */
@NullMarked
package org.vigil.policy;

import org.jspecify.annotations.NullMarked;
