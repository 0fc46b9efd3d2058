using System.Security.Cryptography;

using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

using WorkersHome.Platform.Privacy;

namespace WorkersHome.Tests.Platform;

/// <summary>Known answers: the cipher is the standard SM4, and the mode the standard GCM over it.</summary>
public sealed class Sm4GcmTests
{
    // RFC 8998 appendix A.1 (SM4-GCM), the values OpenSSL, GmSSL and nettle test against.
    private static readonly byte[] Key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
    private static readonly byte[] Nonce = Convert.FromHexString("00001234567800000000ABCD");
    private static readonly byte[] Aad = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
    private static readonly byte[] Plaintext = Convert.FromHexString(
        "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
    private static readonly byte[] Ciphertext = Convert.FromHexString(
        "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D");
    private static readonly byte[] Tag = Convert.FromHexString("83DE3541E4C2B58177E065A9BF7B62EC");

    [Fact]
    public void The_engine_is_the_GB_T_32907_block_cipher()
    {
        // GB/T 32907-2016 appendix A, example 1: one block, ECB.
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(Convert.FromHexString("0123456789abcdeffedcba9876543210")));
        var block = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        var output = new byte[16];
        engine.ProcessBlock(block, 0, output, 0);
        Convert.ToHexStringLower(output).ShouldBe("681edf34d206965e86b3e94f536e4246");
    }

    [Fact]
    public void Encryption_gives_the_RFC_8998_ciphertext_and_tag_after_other_work_on_the_same_instance()
    {
        var gcm = new Sm4Gcm(Key);
        // Other values first: later calls reuse the key schedule and must carry no state over.
        gcm.Decrypt(Nonce, Ciphertext, Tag, new byte[Ciphertext.Length], Aad);
        gcm.Encrypt(RandomNumberGenerator.GetBytes(12), "13812345678"u8, new byte[11], new byte[Sm4Gcm.TagSize], "k1"u8);

        var ciphertext = new byte[Plaintext.Length];
        var tag = new byte[Sm4Gcm.TagSize];
        gcm.Encrypt(Nonce, Plaintext, ciphertext, tag, Aad);
        ciphertext.ShouldBe(Ciphertext);
        tag.ShouldBe(Tag);

        // BouncyCastle's guard stays on: encrypting with the nonce just used under this key is refused.
        Should.Throw<ArgumentException>(() => gcm.Encrypt(Nonce, Plaintext, ciphertext, tag, Aad));
    }

    [Fact]
    public void Decryption_gives_the_RFC_8998_plaintext_and_refuses_any_altered_byte()
    {
        var gcm = new Sm4Gcm(Key);
        var plaintext = new byte[Ciphertext.Length];
        gcm.Decrypt(Nonce, Ciphertext, Tag, plaintext, Aad);
        plaintext.ShouldBe(Plaintext);

        var badTag = (byte[])Tag.Clone();
        badTag[0] ^= 0x80;
        var refused = new byte[Ciphertext.Length];
        Should.Throw<AuthenticationTagMismatchException>(() => gcm.Decrypt(Nonce, Ciphertext, badTag, refused, Aad));
        refused.ShouldAllBe(b => b == 0, "no unauthenticated plaintext is handed back");
        Should.Throw<CryptographicException>(() => gcm.Decrypt(Nonce, Ciphertext, Tag, new byte[Ciphertext.Length], Aad.AsSpan(1)));

        // A failure leaves the instance usable for the next value.
        gcm.Decrypt(Nonce, Ciphertext, Tag, plaintext, Aad);
        plaintext.ShouldBe(Plaintext);
    }

    [Fact]
    public void Only_a_16_byte_key_is_accepted() =>
        Should.Throw<ArgumentException>(() => new Sm4Gcm(new byte[32])).Message.ShouldContain("16 bytes");
}