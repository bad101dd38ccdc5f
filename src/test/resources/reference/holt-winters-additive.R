# Reference values for HoltWintersReferenceTest, from R's stats::HoltWinters
# (additive seasonality, no trend). Run with: Rscript holt-winters-additive.R
t <- 0:119
x <- 100 + 10 * sin(2 * pi * t / 12) + 0.3 * t + ((t * 37) %% 11) - 5
series <- ts(x, frequency = 12)
level0 <- 95
season0 <- c(0, 5, 9, 10, 9, 5, 0, -5, -9, -10, -9, -5)

fixed <- HoltWinters(series, alpha = 0.3, beta = FALSE, gamma = 0.2,
                     seasonal = "additive", l.start = level0, s.start = season0)
cat(sprintf("fixed.SSE %.15g\n", fixed$SSE))
cat(sprintf("fixed.coef %s %.15g\n", names(coef(fixed)), coef(fixed)), sep = "")

fitted <- HoltWinters(series, beta = FALSE, seasonal = "additive",
                      l.start = level0, s.start = season0)
cat(sprintf("fitted.alpha %.15g\nfitted.gamma %.15g\nfitted.SSE %.15g\n",
            fitted$alpha, fitted$gamma, fitted$SSE))
