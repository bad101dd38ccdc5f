/**
 * Queue volume forecasting for workforce planning.
 *
 * <p>The kernel is plain JDK: it takes equally spaced arrival counts per queue ({@link
 * org.vigil.workforce.forecast.Series}), fits candidate models ({@link
 * org.vigil.workforce.forecast.Forecaster}), picks one by a holdout backtest ({@link
 * org.vigil.workforce.forecast.ModelChoice}) and produces point forecasts with prediction intervals
 * ({@link org.vigil.workforce.forecast.Forecast}) that manual {@link
 * org.vigil.workforce.forecast.Overrides} can adjust. Nothing here does I/O, logging or threading.
 */
@NullMarked
package org.vigil.workforce.forecast;

import org.jspecify.annotations.NullMarked;
