namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>
/// The WeChat service account (公众号) pointed at /api/rights/wechat: <see cref="Token"/> is the one entered in the
/// account's server settings (服务器配置); without it the callback answers 404, so that an installation without an
/// account exposes nothing.
/// </summary>
public sealed class WeChatOptions
{
    public const string Section = "Rights:WeChat";

    public string? Token { get; set; }

    /// <summary>The account's AppID; the customer-service message API a real adapter calls needs it.</summary>
    public string? AppId { get; set; }

    /// <summary>Shows the development simulator page (/Dev/WeChat) outside Development, e.g. on a test server.</summary>
    public bool ShowSimulator { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);
}