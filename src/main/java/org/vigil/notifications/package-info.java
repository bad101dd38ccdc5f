/**
 * In-app notifications: what Vigil tells a person (an SLA about to breach, a breach), listed for
 * them until they mark it read.
 */
@NullMarked
package org.vigil.notifications;

import org.jspecify.annotations.NullMarked;
