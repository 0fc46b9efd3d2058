using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WorkersHome.Platform.Privacy;

/// <summary>
/// Cryptographically secure random bytes, drawn from the operating system's generator a few kilobytes at a
/// time into a buffer of the calling thread. A call to the generator costs as much as encrypting one ID number,
/// and an import needs three random values per row (two nonces and an id); each byte is still handed out once.
/// </summary>
public static class RandomPool
{
    private const int BufferSize = 4096;

    [ThreadStatic]
    private static byte[]? t_buffer;

    [ThreadStatic]
    private static int t_position;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BufferSize)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var buffer = t_buffer ??= new byte[BufferSize];
        if (t_position == 0 || t_position + destination.Length > BufferSize)
        {
            RandomNumberGenerator.Fill(buffer);
            t_position = 0;
        }

        var taken = buffer.AsSpan(t_position, destination.Length);
        taken.CopyTo(destination);
        // Handed-out bytes are wiped, so a later look at the buffer cannot recover a nonce or id.
        taken.Clear();
        t_position = (t_position + destination.Length) % BufferSize;
    }

    /// <summary>A version 7 (time-ordered) UUID as RFC 9562 lays it out: 48-bit Unix milliseconds, then random bits.</summary>
    public static Guid CreateVersion7(DateTimeOffset timestamp)
    {
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes[6..]);
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(milliseconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)milliseconds);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}