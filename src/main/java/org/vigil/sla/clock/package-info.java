/**
 * SLA clock arithmetic: business calendars with split shifts, holidays and daylight-saving aware
 * spans, and the SLA clock of one metric on one case derived as a pure fold over its start, pause,
 * resume and stop events.
 */
@NullMarked
package org.vigil.sla.clock;

import org.jspecify.annotations.NullMarked;
