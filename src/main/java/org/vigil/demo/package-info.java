/** Demo data: teams, users of every role, and a few hundred realistic reports and inquiries. */
@NullMarked
package org.vigil.demo;

import org.jspecify.annotations.NullMarked;
