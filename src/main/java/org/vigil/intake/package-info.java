/**
 * Everything that comes in: user safety reports, automated flags and support inquiries, validated
 * as hostile input, made idempotent by key, and filed into deduplicated cases.
 */
@NullMarked
package org.vigil.intake;

import org.jspecify.annotations.NullMarked;
