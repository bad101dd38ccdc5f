/**
 * Workforce management: how many people a queue needs, when, and at what service level. The
 * staffing mathematics (Erlang C, Erlang A, deferred work, shrinkage) is a pure kernel in
 * {@code staffing}; this package serves it over HTTP.
 */
@NullMarked
package org.vigil.workforce;

import org.jspecify.annotations.NullMarked;
