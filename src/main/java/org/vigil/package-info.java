/** Vigil, a Trust &amp; Safety and Support operations platform: one folder per business capability. */
@NullMarked
package org.vigil;

import org.jspecify.annotations.NullMarked;
