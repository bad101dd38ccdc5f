/**
 * The pages people work in: sign-in, the agent's home and review and support workspaces, case lists,
 * the leads' floor dashboard and the admin pages. Server-rendered with Thymeleaf and htmx; the pages
 * compose the other modules' APIs and own no tables.
 */
@NullMarked
package org.vigil.console;

import org.jspecify.annotations.NullMarked;
