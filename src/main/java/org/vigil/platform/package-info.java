/** Platform plumbing: the embedded PostgreSQL that Vigil starts when no external database is configured. */
@NullMarked
package org.vigil.platform;

import org.jspecify.annotations.NullMarked;
