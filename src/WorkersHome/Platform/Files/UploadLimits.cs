using WorkersHome.Platform.Localization;

namespace WorkersHome.Platform.Files;

/// <summary>One kind of upload: its size limit and its name in messages ("证明材料文件不能超过 5 MB").</summary>
public sealed record UploadRule(string Upload, long MaxFileBytes, string Zh, string En)
{
    public string TooLargeMessage
    {
        get
        {
            var mb = MaxFileBytes / 1024 / 1024;
            return Loc.T($"{Zh}文件不能超过 {mb} MB", $"{En} may be at most {mb} MB");
        }
    }
}

/// <summary>The upload rules the modules register.</summary>
public sealed class UploadLimits(IEnumerable<UploadRule> rules)
{
    /// <summary>Room for the form's other fields and the multipart framing around the file.</summary>
    public const long FormOverhead = 256 * 1024;

    private readonly Dictionary<string, UploadRule> _rules = rules.ToDictionary(r => r.Upload, StringComparer.Ordinal);

    public UploadRule For(string upload) =>
        _rules.TryGetValue(upload, out var rule) ? rule : throw new InvalidOperationException($"no upload rule registered for '{upload}'");
}