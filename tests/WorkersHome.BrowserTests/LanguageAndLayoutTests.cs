using WorkersHome.BrowserTests.Infrastructure;

namespace WorkersHome.BrowserTests;

public sealed class LanguageAndLayoutTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task Language_switch_goes_to_English_and_back_to_Chinese()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#hero-sign-in")).ToHaveTextAsync("干部登录");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("#hero-sign-in")).ToHaveTextAsync("Cadre sign-in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#lang-switch")).ToHaveTextAsync("中文");
        await Screens.CaptureAsync(page, "home-english");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("#hero-sign-in")).ToHaveTextAsync("干部登录");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    }

    [Theory]
    [InlineData("/", "phone-home")]
    [InlineData("/SignIn/Login", "phone-login")]
    public async Task Public_pages_fit_a_phone_screen_without_sideways_scrolling(string path, string screenshot)
    {
        await using var context = await app.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        // The phone layout folds the menu behind the toggler instead of squeezing it into the bar.
        await Expect(page.Locator(".navbar-toggler")).ToBeVisibleAsync();
        await Screens.CaptureAsync(page, screenshot);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(PhoneWidth);
    }
}