using System.Security.Cryptography;
using System.Text;

using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

using WorkersHome.Platform.Files;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Tests.Platform;

public sealed class PersonalDataProtectorSm4Tests
{
    private static readonly byte[] AesKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Sm4Key = RandomNumberGenerator.GetBytes(16);
    private static readonly byte[] OtherSm4Key = RandomNumberGenerator.GetBytes(16);
    private static readonly string HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Keys "a" (AES-256-GCM, by default), "s" and "s2" (SM4-GCM).</summary>
    private static PersonalDataProtector With(string active) => new(new PrivacyOptions
    {
        ActiveKeyId = active,
        Keys = new()
        {
            ["a"] = Convert.ToBase64String(AesKey),
            ["s"] = Convert.ToBase64String(Sm4Key),
            ["s2"] = Convert.ToBase64String(OtherSm4Key),
        },
        Algorithms = new() { ["s"] = "SM4-GCM", ["s2"] = "sm4-gcm" },
        HashKey = HashKey,
    });

    [Theory]
    [InlineData("13812345678")]
    [InlineData("11010519900101123X")]
    [InlineData("王建国 河南省郑州市金水区 ID 410102198503151234")]
    [InlineData("")]
    public void Sm4_key_round_trips_ascii_and_chinese_text(string value)
    {
        var cipher = With("s").Encrypt(value);
        cipher.ShouldStartWith("s:");
        if (value.Length > 0)
        {
            cipher.ShouldNotContain(value);
        }

        With("a").Decrypt(cipher).ShouldBe(value, "any instance that has the key reads it, whichever key is active");
    }

    [Fact]
    public void Sm4_ciphertext_is_standard_sm4_gcm_with_the_key_id_as_associated_data()
    {
        var cipher = With("s").Encrypt("河南省 13812345678");
        var buffer = Convert.FromBase64String(cipher["s:".Length..]);
        var (nonce, tag, encrypted) = (buffer[..12], buffer[12..28], buffer[28..]);

        // Decrypt independently of the protector, with BouncyCastle's usual ciphertext-then-tag input.
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(false, new AeadParameters(new KeyParameter(Sm4Key), 128, nonce, "s"u8.ToArray()));
        var input = encrypted.Concat(tag).ToArray();
        var plain = new byte[gcm.GetOutputSize(input.Length)];
        var length = gcm.ProcessBytes(input, 0, input.Length, plain, 0);
        length += gcm.DoFinal(plain, length);
        Encoding.UTF8.GetString(plain, 0, length).ShouldBe("河南省 13812345678");
    }

    [Theory]
    [InlineData(0)] // nonce
    [InlineData(12)] // tag
    [InlineData(28)] // ciphertext
    public void Tampering_with_an_sm4_ciphertext_is_detected(int position)
    {
        var p = With("s");
        var bytes = Convert.FromBase64String(p.Encrypt("13812345678")["s:".Length..]);
        bytes[position] ^= 1;
        Should.Throw<CryptographicException>(() => p.Decrypt("s:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Decrypting_under_another_key_id_fails()
    {
        var p = With("s");
        var body = p.Encrypt("13812345678")["s:".Length..];
        Should.Throw<CryptographicException>(() => p.Decrypt("s2:" + body), "another SM4 key");
        Should.Throw<CryptographicException>(() => p.Decrypt("a:" + body), "an AES key");
        Should.Throw<CryptographicException>(() => p.Decrypt("zz:" + body), "no such key").Message.ShouldContain("'zz'");
        Should.Throw<CryptographicException>(() => p.Decrypt("s:" + Convert.ToBase64String(new byte[20])), "too short");
    }

    [Fact]
    public void Aes_ciphertexts_made_before_sm4_existed_still_decrypt()
    {
        // The stored layout, built with .NET's AES-GCM directly: "a:" + base64(nonce | tag | ciphertext), key id as AAD.
        var plain = Encoding.UTF8.GetBytes("李秀英 13912345678");
        var buffer = new byte[28 + plain.Length];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, 12));
        using (var aes = new AesGcm(AesKey, 16))
        {
            aes.Encrypt(buffer.AsSpan(0, 12), plain, buffer.AsSpan(28), buffer.AsSpan(12, 16), "a"u8);
        }

        With("s").Decrypt("a:" + Convert.ToBase64String(buffer)).ShouldBe("李秀英 13912345678");
        With("a").Encrypt("x").ShouldStartWith("a:");
    }

    [Fact]
    public void Many_threads_share_one_sm4_protector()
    {
        var p = With("s");
        var failures = 0;
        Parallel.For(0, 2_000, i =>
        {
            var value = $"1381234{i:0000}";
            if (p.Decrypt(p.Encrypt(value)) != value)
            {
                Interlocked.Increment(ref failures);
            }
        });
        failures.ShouldBe(0);
    }

    [Fact]
    public void Sealed_files_work_under_an_sm4_key()
    {
        var p = With("s");
        var fileKey = p.FileKey("s");
        fileKey.Length.ShouldBe(32, "files are AES-256-GCM under a key derived from the 16-byte SM4 key");
        fileKey.ShouldNotBe(p.FileKey("s2"));

        var root = Path.Combine(Path.GetTempPath(), "workershome-sm4-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new SealedFileStore(root, p);
            using (var write = store.Create("members.csv"))
            {
                write.Write("姓名,手机\n王建国,13812345678\n"u8);
            }

            using var read = new StreamReader(new SealedFileStore(root, With("a")).OpenRead("members.csv"));
            read.ReadToEnd().ShouldBe("姓名,手机\n王建国,13812345678\n");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("SM4-GCM", 32, "Privacy:Keys:k must be 16 bytes in base64 for SM4-GCM (Privacy:Algorithms:k), but is 32 bytes.")]
    [InlineData(null, 16, "Privacy:Keys:k must be 32 bytes in base64 for AES-256-GCM")]
    [InlineData("AES-256-GCM", 16, "Privacy:Keys:k must be 32 bytes in base64 for AES-256-GCM")]
    [InlineData("SM4-CBC", 16, "Privacy:Algorithms:k is 'SM4-CBC', which is no known algorithm; use AES-256-GCM or SM4-GCM.")]
    public void Settings_are_checked_at_start_with_the_setting_named(string? algorithm, int keySize, string message)
    {
        var options = new PrivacyOptions
        {
            ActiveKeyId = "k",
            Keys = new() { ["k"] = Convert.ToBase64String(new byte[keySize]) },
            HashKey = HashKey,
        };
        if (algorithm is not null)
        {
            options.Algorithms["k"] = algorithm;
        }

        Should.Throw<InvalidOperationException>(() => new PersonalDataProtector(options)).Message.ShouldStartWith(message);
    }

    [Fact]
    public void An_algorithm_for_a_missing_key_or_a_key_that_is_not_base64_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => new PersonalDataProtector(new PrivacyOptions
        {
            ActiveKeyId = "a",
            Keys = new() { ["a"] = Convert.ToBase64String(AesKey) },
            Algorithms = new() { ["b"] = "SM4-GCM" },
            HashKey = HashKey,
        })).Message.ShouldBe("Privacy:Algorithms:b names no key in Privacy:Keys.");

        Should.Throw<InvalidOperationException>(() => new PersonalDataProtector(new PrivacyOptions
        {
            ActiveKeyId = "s",
            Keys = new() { ["s"] = "not base64!" },
            Algorithms = new() { ["s"] = "SM4-GCM" },
            HashKey = HashKey,
        })).Message.ShouldBe("Privacy:Keys:s is not valid base64; it must be 16 random bytes in base64 for SM4-GCM (Privacy:Algorithms:s).");
    }
}