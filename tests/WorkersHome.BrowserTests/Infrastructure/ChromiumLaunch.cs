namespace WorkersHome.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium rather than a Playwright-downloaded build: machines here reach only package registries.
/// </summary>
internal static class ChromiumLaunch
{
    public const string ExecutableVariable = "WORKERSHOME_CHROMIUM";

    public static BrowserTypeLaunchOptions Options => new()
    {
        Headless = true,
        ExecutablePath = Environment.GetEnvironmentVariable(ExecutableVariable) ?? "/usr/bin/chromium",
        // Root in a container has no user namespaces for the sandbox; the rest keeps Chromium off the network.
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        ],
    };
}