using System.Text.RegularExpressions;

namespace WorkersHome.Platform.Ui;

/// <summary>
/// Where map tiles come from: `Maps:TileUrl`, a Leaflet URL template. A province on an internal network points it at
/// its own tile server; the content security policy lets images from that host in and nothing else.
/// </summary>
public static partial class MapTiles
{
    public const string DefaultUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public const string DefaultAttribution = "© OpenStreetMap contributors";

    public static string Url(IConfiguration configuration) => configuration["Maps:TileUrl"] is { Length: > 0 } url ? url : DefaultUrl;

    public static string Attribution(IConfiguration configuration) => configuration["Maps:TileAttribution"] ?? DefaultAttribution;

    /// <summary>
    /// The CSP source that covers the template's host: `https://{s}.tile.example.org/…` becomes `https://*.tile.example.org`;
    /// a path on the app's own host needs none (null); a host built from other placeholders falls back to its scheme.
    /// </summary>
    public static string? CspSource(string template)
    {
        var origin = OriginPattern().Match(template);
        if (!origin.Success)
        {
            return null;
        }

        var host = origin.Groups["host"].Value.Replace("{s}", "*", StringComparison.Ordinal);
        return host.Contains('{', StringComparison.Ordinal) || host.Contains('}', StringComparison.Ordinal)
            ? origin.Groups["scheme"].Value + ":"
            : $"{origin.Groups["scheme"].Value}://{host}";
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>[^/?#]+)", RegexOptions.IgnoreCase)]
    private static partial Regex OriginPattern();
}