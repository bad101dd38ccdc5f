/**
 * Enforcement: what a decision does outside Vigil. Actions reach the product through signed
 * webhooks delivered from a transactional outbox, at least once; strikes keep each account's
 * history against a ladder of consequences.
 */
@NullMarked
package org.vigil.enforcement;

import org.jspecify.annotations.NullMarked;
