using Shouldly;

using WorkersHome.Platform.Privacy;

namespace WorkersHome.Tests.Platform;

public sealed class RandomPoolTests
{
    [Fact]
    public void Nonces_drawn_from_the_pool_do_not_repeat_across_refills()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> nonce = stackalloc byte[12];
        // 10,000 nonces span many 4 KiB refills of the thread's buffer.
        for (var i = 0; i < 10_000; i++)
        {
            RandomPool.Fill(nonce);
            seen.Add(Convert.ToHexString(nonce)).ShouldBeTrue();
        }
    }

    [Fact]
    public void Requests_larger_than_the_buffer_are_filled_whole()
    {
        var big = new byte[10_000];
        RandomPool.Fill(big);
        // 10,000 random bytes with more than 100 zeros in a row would mean part of the span was never written.
        big.AsSpan(9_000).IndexOfAnyExcept((byte)0).ShouldBeLessThan(100);
        big.AsSpan(0, 100).IndexOfAnyExcept((byte)0).ShouldBeLessThan(100);
    }

    [Fact]
    public void Version_7_ids_carry_their_time_version_and_variant_and_sort_by_time()
    {
        var at = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var id = RandomPool.CreateVersion7(at);

        id.Version.ShouldBe(7);
        (id.Variant & 0b1100).ShouldBe(0b1000);
        var bytes = id.ToByteArray(bigEndian: true);
        var milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        milliseconds.ShouldBe(at.ToUnixTimeMilliseconds());
        // A later millisecond sorts after, as PostgreSQL compares uuids byte by byte.
        var later = RandomPool.CreateVersion7(at.AddMilliseconds(1)).ToByteArray(bigEndian: true);
        bytes.AsSpan().SequenceCompareTo(later).ShouldBeLessThan(0);
        RandomPool.CreateVersion7(at).ShouldNotBe(id);
    }
}