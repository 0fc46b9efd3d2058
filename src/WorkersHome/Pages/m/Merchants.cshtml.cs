using System.Text.Json;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Merchants;

namespace WorkersHome.Pages.m;

/// <summary>Partner merchants for members (and anyone): a list and a map, by category, nearest first on request.</summary>
public sealed class MerchantsModel(MerchantDirectory directory, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MerchantCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? Lat { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? Lng { get; set; }

    public IReadOnlyList<DirectoryMerchant> Merchants { get; private set; } = [];

    /// <summary>Map tiles come from a configurable server (a province may run its own, or use 天地图 with its key).</summary>
    public string TileUrl => Platform.Ui.MapTiles.Url(configuration);

    public string TileAttribution => Platform.Ui.MapTiles.Attribution(configuration);

    public string MapData => JsonSerializer.Serialize(Merchants.Select(m => new { m.Name, m.Latitude, m.Longitude, category = (int)m.Category, m.CategoryLabel }));

    public async Task OnGetAsync(CancellationToken ct) => Merchants = await directory.SearchAsync(Category, Q, Lat, Lng, ct);
}