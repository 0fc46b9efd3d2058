using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace WorkersHome.Modules.Cards.Tokens;

/// <summary>
/// The QR code's content: a compact signed token, "WHC1." then base64url of
/// version (1) | key id length (1) | key id (1–8 ASCII) | card id (16) | expiry, Unix seconds (4) | nonce (8) | ES256 signature (64).
/// About 130 characters, so the QR code stays small enough for any phone camera. The nonce makes every token
/// distinct, so a till can tell a re-scan of the same token from a new one.
/// </summary>
public static class CardToken
{
    public const string Prefix = "WHC1.";
    public const byte Version = 1;
    public const int SignatureSize = 64;
    private const int CardIdSize = 16;
    private const int ExpirySize = 4;
    public const int NonceSize = 8;
    public const int MaxBodySize = 2 + 8 + CardIdSize + ExpirySize + NonceSize;
    public const int MaxTokenBytes = MaxBodySize + SignatureSize;

    /// <summary>The signed part of a token, as read back.</summary>
    public readonly ref struct Parts
    {
        public required ReadOnlySpan<byte> Body { get; init; }

        public required ReadOnlySpan<byte> Signature { get; init; }

        public required ReadOnlySpan<byte> KeyId { get; init; }

        public required Guid CardId { get; init; }

        public required DateTimeOffset ExpiresAt { get; init; }
    }

    public static string Write(string keyId, Guid cardId, DateTimeOffset expiresAt, ReadOnlySpan<byte> nonce, Func<ReadOnlySpan<byte>, byte[]> sign)
    {
        Span<byte> body = stackalloc byte[2 + keyId.Length + CardIdSize + ExpirySize + NonceSize];
        body[0] = Version;
        body[1] = (byte)keyId.Length;
        var at = 2 + Encoding.ASCII.GetBytes(keyId, body[2..]);
        cardId.TryWriteBytes(body.Slice(at, CardIdSize), bigEndian: true, out _);
        at += CardIdSize;
        BinaryPrimitives.WriteUInt32BigEndian(body.Slice(at, ExpirySize), (uint)expiresAt.ToUnixTimeSeconds());
        at += ExpirySize;
        nonce[..NonceSize].CopyTo(body[at..]);
        var signature = sign(body);
        var whole = new byte[body.Length + signature.Length];
        body.CopyTo(whole);
        signature.CopyTo(whole, body.Length);
        return Prefix + Base64Url.EncodeToString(whole);
    }

    /// <summary>Splits a token decoded into <paramref name="buffer"/>; false for anything not shaped like one.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, Span<byte> buffer, out Parts parts)
    {
        parts = default;
        text = text.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > Prefix.Length + Base64Url.GetEncodedLength(MaxTokenBytes))
        {
            return false;
        }

        if (Base64Url.DecodeFromChars(text[Prefix.Length..], buffer, out _, out var length) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var bytes = buffer[..length];
        if (bytes.Length < 2 || bytes[0] != Version || bytes[1] is < 1 or > 8)
        {
            return false;
        }

        var bodyLength = 2 + bytes[1] + CardIdSize + ExpirySize + NonceSize;
        if (bytes.Length != bodyLength + SignatureSize)
        {
            return false;
        }

        var at = 2 + bytes[1];
        parts = new Parts
        {
            Body = bytes[..bodyLength],
            Signature = bytes[bodyLength..],
            KeyId = bytes[2..at],
            CardId = new Guid(bytes.Slice(at, CardIdSize), bigEndian: true),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at + CardIdSize, ExpirySize))),
        };
        return true;
    }
}