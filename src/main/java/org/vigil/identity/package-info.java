/**
 * Who acts in Vigil: teams (in-house or vendor), users with roles and skills, integration keys and
 * personal access tokens (kept only as hashes), and the security rules of every endpoint.
 */
@NullMarked
package org.vigil.identity;

import org.jspecify.annotations.NullMarked;
