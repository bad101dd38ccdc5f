/**
 * Weekly shift-scheduling kernel: covers a half-hourly agent requirement for one week with
 * team shifts at least cost, using OR-Tools CP-SAT for the integer schedule and GLOP for the
 * linear-relaxation lower bound. No Spring, no I/O.
 */
@NullMarked
package org.vigil.workforce.schedule;

import org.jspecify.annotations.NullMarked;
