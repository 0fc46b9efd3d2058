using System.Security.Cryptography;

using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace WorkersHome.Platform.Privacy;

/// <summary>
/// SM4 (GB/T 32907) in GCM mode with a 128-bit tag, through BouncyCastle, as RFC 8998 defines SM4-GCM.
/// Shaped like <see cref="AesGcm"/> so that the protector handles both ciphers alike; like a cipher
/// object it is not thread-safe, so keep one per thread.
/// </summary>
internal sealed class Sm4Gcm
{
    public const int KeySize = 16;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private readonly GcmBlockCipher _gcm = new(new SM4Engine());

    public Sm4Gcm(byte[] key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An SM4 key is {KeySize} bytes.", nameof(key));
        }

        // The key schedule and the GHASH tables are built here, once: every later Init passes no key and reuses
        // them (BouncyCastle's documented behaviour), which is most of the cost of a short message. Initialising for
        // decryption here keeps BouncyCastle's nonce-reuse guard from ever seeing this placeholder nonce on encryption.
        _gcm.Init(false, new AeadParameters(new KeyParameter(key), TagSize * 8, new byte[NonceSize]));
    }

    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag,
        ReadOnlySpan<byte> associatedData)
    {
        CheckSizes(nonce, plaintext.Length, ciphertext.Length, tag);
        _gcm.Init(true, new AeadParameters(null, TagSize * 8, nonce.ToArray()));
        _gcm.ProcessAadBytes(associatedData);
        var written = _gcm.ProcessBytes(plaintext, ciphertext);

        // BouncyCastle ends with the ciphertext it still holds followed by the tag; the caller keeps the tag apart.
        Span<byte> tail = stackalloc byte[_gcm.GetOutputSize(0)];
        var tailLength = _gcm.DoFinal(tail);
        tail[..(tailLength - TagSize)].CopyTo(ciphertext[written..]);
        tail.Slice(tailLength - TagSize, TagSize).CopyTo(tag);
    }

    /// <exception cref="AuthenticationTagMismatchException">The ciphertext, tag, nonce or associated data was altered, or the key is wrong.</exception>
    public void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext,
        ReadOnlySpan<byte> associatedData)
    {
        CheckSizes(nonce, plaintext.Length, ciphertext.Length, tag);
        _gcm.Init(false, new AeadParameters(null, TagSize * 8, nonce.ToArray()));
        _gcm.ProcessAadBytes(associatedData);
        try
        {
            // GCM decryption holds back the last tag-size bytes it is given, so the tag can simply follow the ciphertext.
            var written = _gcm.ProcessBytes(ciphertext, plaintext);
            written += _gcm.ProcessBytes(tag, plaintext[written..]);
            _gcm.DoFinal(plaintext[written..]);
        }
        catch (InvalidCipherTextException e)
        {
            // Callers handle CryptographicException, as AesGcm throws it; no unauthenticated plaintext is left behind.
            plaintext.Clear();
            throw new AuthenticationTagMismatchException("The SM4-GCM tag does not match: the data was altered or the key is wrong.", e);
        }
    }

    private static void CheckSizes(ReadOnlySpan<byte> nonce, int plaintextLength, int ciphertextLength, ReadOnlySpan<byte> tag)
    {
        if (nonce.Length != NonceSize || tag.Length != TagSize || plaintextLength != ciphertextLength)
        {
            throw new ArgumentException($"SM4-GCM takes a {NonceSize}-byte nonce, a {TagSize}-byte tag and a ciphertext as long as the plaintext.");
        }
    }
}