/**
 * Routing rules for cases: conditions written in CEL (the Common Expression Language) over the
 * {@link org.vigil.rules.engine.Signals} of a case.
 *
 * <p>A condition is compiled once with {@link org.vigil.rules.engine.RuleCompiler}, which accepts
 * only boolean expressions over the declared signal variables and reports every problem with its
 * position. Compiled rules are immutable, thread-safe and evaluated without I/O; an evaluation
 * error never escapes as an exception but makes the rule not match, with the error message kept
 * for the caller.
 */
@NullMarked
@NamedInterface("engine")
package org.vigil.rules.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
