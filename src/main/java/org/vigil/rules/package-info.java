/**
 * Routing rules: ordered conditions in CEL over a case's signals, with the actions to take when
 * they hold; versioned, validated when saved, compiled once. The CEL kernel is in {@code engine}.
 */
@NullMarked
package org.vigil.rules;

import org.jspecify.annotations.NullMarked;
