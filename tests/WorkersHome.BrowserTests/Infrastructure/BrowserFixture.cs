using WorkersHome.Testing;

namespace WorkersHome.BrowserTests.Infrastructure;

/// <summary>
/// Per test class: the app on a real loopback port (browsers need a socket), a seeded world, and one headless Chromium.
/// Tests open their own browser contexts, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : AppFixture
{
    private readonly Dictionary<string, string> _signedInStates = [];
    private IPlaywright? _playwright;

    static BrowserFixture()
    {
        // A 2-core CI machine running two apps and two browsers is slower than Playwright's 5 s default expects.
        SetDefaultExpectTimeout(15_000);
    }

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    protected override void ConfigureFactory(AppFactory factory) => factory.UseLoopbackKestrel();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = Factory.StartLoopbackServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(ChromiumLaunch.Options);
    }

    /// <summary>A fresh, signed-out browser context whose relative URLs go to the app.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl.ToString();
        options.Locale ??= "zh-CN";
        return Browser.NewContextAsync(options);
    }

    /// <summary>
    /// A context signed in as the cadre. The first call signs in through the pages; later ones reuse its cookies,
    /// which keeps the suite fast and never asks twice for the same authenticator code.
    /// </summary>
    public async Task<IBrowserContext> SignedInContextAsync(TestCadre cadre)
    {
        if (_signedInStates.TryGetValue(cadre.UserName, out var state))
        {
            return await NewContextAsync(new BrowserNewContextOptions { StorageState = state });
        }

        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInSteps.SignInAsync(page, cadre);
        await page.CloseAsync();
        _signedInStates[cadre.UserName] = await context.StorageStateAsync();
        return context;
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}