/**
 * Staffing mathematics for Vigil workforce planning: Erlang C and Erlang A queue models, deferred
 * back-office work with hour-scale SLAs, and shrinkage, reached through the {@link org.vigil.workforce.staffing.Staffing}
 * entry point. Pure JDK code without I/O, so any layer can call it and it can be benchmarked on its own.
 */
package org.vigil.workforce.staffing;
