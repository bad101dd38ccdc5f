/**
 * The case, Vigil's unit of work: its lifecycle, its conversation (public replies and internal
 * notes), tags, assignment, and the append-only events from which the case row is projected.
 */
@NullMarked
package org.vigil.cases;

import org.jspecify.annotations.NullMarked;
