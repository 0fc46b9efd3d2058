namespace WorkersHome.BrowserTests.Infrastructure;

/// <summary>Screenshots for a person to look at, written only when asked for so that CI leaves no files behind.</summary>
internal static class Screens
{
    public const string Variable = "WORKERSHOME_SCREENSHOTS";
    public const string Folder = "/tmp/wh-screens";

    public static async Task CaptureAsync(IPage page, string name)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}