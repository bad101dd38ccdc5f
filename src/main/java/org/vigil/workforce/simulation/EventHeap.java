package org.vigil.workforce.simulation;

import java.util.Arrays;

/**
 * Pending events as a binary min-heap over parallel primitive arrays: a time, a 64-bit order key that breaks
 * ties between equal times (smaller first), and an {@code int} payload. No objects are allocated per event.
 */
final class EventHeap {

    private double[] times = new double[64];
    private long[] orders = new long[64];
    private int[] payloads = new int[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event; the heap must not be empty. */
    double peekTime() {
        return times[0];
    }

    /** Order key of the earliest event; the heap must not be empty. */
    long peekOrder() {
        return orders[0];
    }

    /** Payload of the earliest event; the heap must not be empty. */
    int peekPayload() {
        return payloads[0];
    }

    void push(double time, long order, int payload) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            orders = Arrays.copyOf(orders, capacity);
            payloads = Arrays.copyOf(payloads, capacity);
        }
        int index = size++;
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!precedes(time, order, times[parent], orders[parent])) {
                break;
            }
            times[index] = times[parent];
            orders[index] = orders[parent];
            payloads[index] = payloads[parent];
            index = parent;
        }
        times[index] = time;
        orders[index] = order;
        payloads[index] = payload;
    }

    /** Removes the earliest event; the heap must not be empty. */
    void pop() {
        int last = --size;
        if (last > 0) {
            siftDown(times[last], orders[last], payloads[last], last);
        }
    }

    /** Replaces the earliest event by a new one, as {@code pop()} then {@code push(...)} but in one pass. */
    void replaceTop(double time, long order, int payload) {
        siftDown(time, order, payload, size);
    }

    private void siftDown(double time, long order, int payload, int length) {
        int index = 0;
        int half = length >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < length && precedes(times[right], orders[right], times[child], orders[child])) {
                child = right;
            }
            if (!precedes(times[child], orders[child], time, order)) {
                break;
            }
            times[index] = times[child];
            orders[index] = orders[child];
            payloads[index] = payloads[child];
            index = child;
        }
        times[index] = time;
        orders[index] = order;
        payloads[index] = payload;
    }

    private static boolean precedes(double time, long order, double otherTime, long otherOrder) {
        return time < otherTime || (time == otherTime && order < otherOrder);
    }
}
