namespace WorkersHome.Platform.Files;

/// <summary>
/// Marks a page or endpoint that takes an upload of the kind <paramref name="upload"/> (an <see cref="UploadRule"/> the
/// owning module registers), so that <see cref="UploadLimitMiddleware"/> answers a body of any size with the friendly
/// message instead of the server's bare 400/413. <paramref name="formKey"/> is the form field (ModelState key) the
/// page shows the message under.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute(string upload, string formKey = "File") : Attribute
{
    public string Upload { get; } = upload;

    public string FormKey { get; } = formKey;
}