package vn.ansinh.systemtest;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the platform when the test run ends, before the JVM's shutdown hooks stop the broker under it. */
public class StopPlatformAfterTests implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Platform.stopIfStarted();
    }
}
