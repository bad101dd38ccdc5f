/**
 * What every HTTP module shares: RFC 9457 problem responses that name the offending field,
 * request size limits, and the exceptions modules throw to produce them.
 */
@NullMarked
package org.vigil.web;

import org.jspecify.annotations.NullMarked;
