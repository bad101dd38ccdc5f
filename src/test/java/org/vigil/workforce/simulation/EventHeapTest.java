package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventHeapTest {

    private record Event(double time, long order, int payload) {
    }

    @Test
    void eventsComeOutInTimeThenOrderKeyOrderUnderRandomPushesPopsAndReplacements() {
        SplittableRandom random = new SplittableRandom(77);
        Comparator<Event> byTimeThenOrder = Comparator.comparingDouble(Event::time).thenComparingLong(Event::order);
        for (int round = 0; round < 50; round++) {
            EventHeap heap = new EventHeap();
            PriorityQueue<Event> reference = new PriorityQueue<>(byTimeThenOrder);
            long order = 0;
            for (int step = 0; step < 5_000; step++) {
                // Coarse times make ties frequent, so the order key is exercised too.
                Event event = new Event(random.nextInt(200), order++, random.nextInt());
                int action = random.nextInt(3);
                if (action == 0 || heap.isEmpty()) {
                    heap.push(event.time(), event.order(), event.payload());
                    reference.add(event);
                } else {
                    Event expected = reference.poll();
                    assertThat(new Event(heap.peekTime(), heap.peekOrder(), heap.peekPayload())).isEqualTo(expected);
                    if (action == 1) {
                        heap.pop();
                    } else {
                        heap.replaceTop(event.time(), event.order(), event.payload());
                        reference.add(event);
                    }
                }
                assertThat(heap.size()).isEqualTo(reference.size());
            }
            while (!reference.isEmpty()) {
                Event expected = reference.poll();
                assertThat(new Event(heap.peekTime(), heap.peekOrder(), heap.peekPayload())).isEqualTo(expected);
                heap.pop();
            }
            assertThat(heap.isEmpty()).isTrue();
        }
    }
}
