package org.vigil.workforce.schedule;

import com.google.ortools.Loader;

/** Loads the OR-Tools native library once per class loader, on first use. */
final class NativeSolvers {

    private static volatile boolean loaded;

    private NativeSolvers() {
    }

    static void load() {
        if (!loaded) {
            synchronized (NativeSolvers.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
