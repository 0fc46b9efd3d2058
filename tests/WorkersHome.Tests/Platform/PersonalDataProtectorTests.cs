using System.Security.Cryptography;

using WorkersHome.Platform.Privacy;

namespace WorkersHome.Tests.Platform;

public sealed class PersonalDataProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static PersonalDataProtector With(string active, params (string Id, string Key)[] keys) =>
        new(new PrivacyOptions { ActiveKeyId = active, Keys = keys.ToDictionary(k => k.Id, k => k.Key), HashKey = HashKey });

    [Fact]
    public void Ciphertext_carries_its_key_id_and_decrypts_after_rotation()
    {
        var old = With("a", ("a", KeyA));
        var cipher = old.Encrypt("13812345678");
        cipher.ShouldStartWith("a:");
        cipher.ShouldNotContain("13812345678");
        var rotated = With("b", ("a", KeyA), ("b", KeyB));
        rotated.Decrypt(cipher).ShouldBe("13812345678");
        rotated.Encrypt("13812345678").ShouldStartWith("b:");
    }

    [Fact]
    public void Same_plaintext_encrypts_differently_but_hashes_the_same()
    {
        var p = With("a", ("a", KeyA));
        p.Encrypt("110105199001011234").ShouldNotBe(p.Encrypt("110105199001011234"));
        p.BlindIndex("11010519900101123x").ShouldBe(p.BlindIndex(" 11010519900101123X"));
    }

    [Fact]
    public void Tampered_ciphertext_or_unknown_key_is_refused()
    {
        var p = With("a", ("a", KeyA));
        var cipher = p.Encrypt("13812345678");
        var bytes = Convert.FromBase64String(cipher[2..]);
        bytes[^1] ^= 1;
        Should.Throw<CryptographicException>(() => p.Decrypt("a:" + Convert.ToBase64String(bytes)));
        Should.Throw<CryptographicException>(() => p.Decrypt("z" + cipher[1..]));
    }

    [Fact]
    public void Keys_must_be_32_bytes_and_the_active_one_must_exist()
    {
        Should.Throw<InvalidOperationException>(() => With("a", ("a", Convert.ToBase64String(new byte[16]))));
        Should.Throw<InvalidOperationException>(() => With("missing", ("a", KeyA)));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("110105199001011234", "110105********1234")]
    public void Masks_show_only_the_ends(string value, string masked) =>
        (value.Length == 11 ? Mask.Phone(value) : Mask.IdNumber(value)).ShouldBe(masked);
}