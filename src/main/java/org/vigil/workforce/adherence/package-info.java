/**
 * Schedule adherence as a pure kernel: the time an agent was scheduled, the time they worked, and how
 * much of each overlaps, from two sets of time spans.
 */
@NullMarked
package org.vigil.workforce.adherence;

import org.jspecify.annotations.NullMarked;
