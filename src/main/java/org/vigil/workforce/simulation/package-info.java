/**
 * Discrete-event simulation of a contact-centre style operation: prioritised review and support queues with
 * forecast arrivals, handled by skill-based agent groups that follow an interval staffing schedule. Entry point
 * {@link org.vigil.workforce.simulation.Simulation#run}. Pure JDK code without I/O; deterministic for a seed.
 */
@NullMarked
package org.vigil.workforce.simulation;

import org.jspecify.annotations.NullMarked;
