using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

using WorkersHome.Platform.Privacy;

namespace WorkersHome.Platform.Files;

/// <summary>
/// Files that hold personal data (uploaded member lists, error reports), kept outside the database and
/// encrypted at rest: AES-256-GCM in 64 KiB chunks, each chunk bound to its index and to whether it is
/// the last one, so that a reordered, altered or truncated file fails to open. Chunks allow streaming
/// and seeking (an .xlsx is a zip, read from its end) without holding a file in memory.
/// A file appears under its name only once it is complete. In a multi-instance deployment the folder
/// must be shared (see docs/adr/0007).
/// </summary>
public sealed class SealedFileStore
{
    internal const int ChunkSize = 64 * 1024;
    internal const int NonceSize = 12;
    internal const int TagSize = 16;
    private static readonly byte[] Magic = "WHS1"u8.ToArray();
    private readonly string _root;
    private readonly PersonalDataProtector _protector;

    public SealedFileStore(string root, PersonalDataProtector protector)
    {
        _root = root;
        _protector = protector;
        Directory.CreateDirectory(_root);
    }

    public bool Exists(string name) => File.Exists(PathOf(name));

    public void Delete(string name)
    {
        File.Delete(PathOf(name));
    }

    /// <summary>A stream to write a new file; the file exists under <paramref name="name"/> once the stream is disposed.</summary>
    public Stream Create(string name)
    {
        var final = PathOf(name);
        var temporary = final + "." + Guid.NewGuid().ToString("N") + ".part";
        var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var keyId = _protector.ActiveKeyId;
        var id = Encoding.ASCII.GetBytes(keyId);
        file.Write(Magic);
        file.WriteByte((byte)id.Length);
        file.Write(id);
        return new SealingStream(file, new AesGcm(_protector.FileKey(keyId), TagSize), () => File.Move(temporary, final, overwrite: true));
    }

    /// <summary>A seekable stream of a stored file's plain content.</summary>
    public Stream OpenRead(string name)
    {
        var file = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        try
        {
            Span<byte> magic = stackalloc byte[4];
            file.ReadExactly(magic);
            if (!magic.SequenceEqual(Magic))
            {
                throw new CryptographicException("Not a sealed file.");
            }

            var id = new byte[file.ReadByte()];
            file.ReadExactly(id);
            return new OpeningStream(file, new AesGcm(_protector.FileKey(Encoding.ASCII.GetString(id)), TagSize), file.Position);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private string PathOf(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') && !name.StartsWith('.')
            ? Path.Combine(_root, name)
            : throw new ArgumentException("File names are letters, digits, '-', '_' and '.'.", nameof(name));

    internal static void Associated(Span<byte> data, long index, bool last)
    {
        BinaryPrimitives.WriteInt64BigEndian(data, index);
        data[8] = last ? (byte)1 : (byte)0;
    }

    private sealed class SealingStream(FileStream file, AesGcm aes, Action complete) : Stream
    {
        private readonly byte[] _plain = new byte[ChunkSize];
        private readonly byte[] _sealed = new byte[NonceSize + TagSize + ChunkSize];
        private int _filled;
        private long _index;
        private long _length;
        private bool _closed;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                var take = Math.Min(buffer.Length, ChunkSize - _filled);
                buffer[..take].CopyTo(_plain.AsSpan(_filled));
                _filled += take;
                _length += take;
                buffer = buffer[take..];
                if (_filled == ChunkSize)
                {
                    Seal(last: false);
                }
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        private void Seal(bool last)
        {
            var nonce = _sealed.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            Span<byte> associated = stackalloc byte[9];
            Associated(associated, _index++, last);
            aes.Encrypt(nonce, _plain.AsSpan(0, _filled), _sealed.AsSpan(NonceSize + TagSize, _filled), _sealed.AsSpan(NonceSize, TagSize), associated);
            file.Write(_sealed, 0, NonceSize + TagSize + _filled);
            _filled = 0;
        }

        public override void Flush()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closed)
            {
                _closed = true;
                Seal(last: true);
                file.Flush(flushToDisk: true);
                file.Dispose();
                aes.Dispose();
                complete();
            }

            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private sealed class OpeningStream : Stream
    {
        private const int Overhead = NonceSize + TagSize;
        private readonly FileStream _file;
        private readonly AesGcm _aes;
        private readonly long _bodyStart;
        private readonly long _chunks;
        private readonly byte[] _sealed = new byte[Overhead + ChunkSize];
        private readonly byte[] _plain = new byte[ChunkSize];
        private long _loadedChunk = -1;
        private int _loadedLength;
        private long _position;

        public OpeningStream(FileStream file, AesGcm aes, long bodyStart)
        {
            _file = file;
            _aes = aes;
            _bodyStart = bodyStart;
            var body = file.Length - bodyStart;
            _chunks = body / (Overhead + ChunkSize) + 1;
            var lastSealed = body % (Overhead + ChunkSize);
            if (lastSealed < Overhead)
            {
                throw new CryptographicException("The sealed file is truncated.");
            }

            Length = (_chunks - 1) * ChunkSize + lastSealed - Overhead;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length { get; }

        public override long Position
        {
            get => _position;
            set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= Length || buffer.Length == 0)
            {
                return 0;
            }

            Load(_position / ChunkSize);
            var within = (int)(_position % ChunkSize);
            var take = Math.Min(buffer.Length, _loadedLength - within);
            _plain.AsSpan(within, take).CopyTo(buffer);
            _position += take;
            return take;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        private void Load(long chunk)
        {
            if (chunk == _loadedChunk)
            {
                return;
            }

            var last = chunk == _chunks - 1;
            var length = last ? (int)(Length - chunk * ChunkSize) : ChunkSize;
            _file.Position = _bodyStart + chunk * (Overhead + ChunkSize);
            _file.ReadExactly(_sealed, 0, Overhead + length);
            Span<byte> associated = stackalloc byte[9];
            Associated(associated, chunk, last);
            _aes.Decrypt(_sealed.AsSpan(0, NonceSize), _sealed.AsSpan(Overhead, length), _sealed.AsSpan(NonceSize, TagSize), _plain.AsSpan(0, length), associated);
            _loadedChunk = chunk;
            _loadedLength = length;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _file.Dispose();
                _aes.Dispose();
            }

            base.Dispose(disposing);
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}