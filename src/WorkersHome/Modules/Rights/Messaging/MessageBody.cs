namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>Reads a callback's body up to a limit, whether or not the sender announced its length.</summary>
internal static class MessageBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (no callback of a channel is).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}