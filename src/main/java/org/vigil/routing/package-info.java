/**
 * Where cases wait and who may work them: queues by kind, served by every team or by named
 * in-house and vendor teams.
 */
@NullMarked
package org.vigil.routing;

import org.jspecify.annotations.NullMarked;
