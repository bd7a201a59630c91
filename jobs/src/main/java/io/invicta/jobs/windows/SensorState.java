package io.invicta.jobs.windows;

import java.util.ArrayList;
import java.util.List;

/** Keyed state of {@link SensorWindows} for one sensor: its open windows. A Flink POJO. */
public class SensorState {

    /** Per window family (index as in {@link SensorWindows}), its open windows, oldest first. */
    public List<List<SensorWindow>> families = new ArrayList<>();

    /** The pending timer ({@link OpenWindow#NONE}: none). */
    public long timer = OpenWindow.NONE;

    public SensorState() {}

    List<SensorWindow> windows(int family) {
        while (families.size() <= family) {
            families.add(new ArrayList<>());
        }
        return families.get(family);
    }

    /**
     * Adds a newly opened window where its start belongs: a late reading can open a window older
     * than the newest, and {@link #find} relies on the order.
     */
    void open(int family, SensorWindow window) {
        List<SensorWindow> windows = windows(family);
        int i = windows.size();
        while (i > 0 && windows.get(i - 1).start > window.start) {
            i--;
        }
        windows.add(i, window);
    }

    /**
     * The open window of a family holding {@code timestamp}, or null. Newest first: readings arrive
     * mostly in time order, so the answer is nearly always the last window, or a new one when the
     * timestamp is past its end.
     */
    SensorWindow find(int family, long timestamp) {
        List<SensorWindow> windows = windows(family);
        for (int i = windows.size() - 1; i >= 0; i--) {
            SensorWindow w = windows.get(i);
            if (w.start <= timestamp && timestamp < w.end) {
                return w;
            }
            if (i == windows.size() - 1 && timestamp >= w.end) {
                return null; // newer than every open window
            }
        }
        return null;
    }

    boolean isEmpty() {
        for (List<SensorWindow> windows : families) {
            if (!windows.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
