/**
 * Service level agreements: business calendars, SLA policies with targets per metric and priority,
 * and the clocks of each case, derived from the case's timeline by the pure kernel in
 * {@code clock}.
 */
@NullMarked
package org.vigil.sla;

import org.jspecify.annotations.NullMarked;
