// Till: read a member's QR code with the phone's camera (jsQR decodes video frames), fill the code in and check it.
(function () {
    const start = document.getElementById('scan-start');
    if (!start) {
        return;
    }

    const video = document.getElementById('scan-video');
    const canvas = document.getElementById('scan-canvas');
    const field = document.getElementById('Token');
    const unavailable = document.getElementById('scan-unavailable');
    const form = document.getElementById('check-form');
    let stream = null;

    function stop() {
        if (stream) {
            stream.getTracks().forEach(t => t.stop());
            stream = null;
        }

        video.classList.add('d-none');
    }

    function frame() {
        if (!stream) {
            return;
        }

        if (video.readyState === video.HAVE_ENOUGH_DATA) {
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            const context = canvas.getContext('2d', { willReadFrequently: true });
            context.drawImage(video, 0, 0, canvas.width, canvas.height);
            const image = context.getImageData(0, 0, canvas.width, canvas.height);
            const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
            if (code && code.data.startsWith('WHC1.')) {
                field.value = code.data;
                stop();
                form.submit();
                return;
            }
        }

        requestAnimationFrame(frame);
    }

    start.addEventListener('click', async () => {
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.jsQR) {
            unavailable.classList.remove('d-none');
            return;
        }

        try {
            stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
            video.srcObject = stream;
            video.classList.remove('d-none');
            await video.play();
            requestAnimationFrame(frame);
        } catch {
            unavailable.classList.remove('d-none');
            stop();
        }
    });

    // A second tap on "record" while the first is on its way sends nothing more (the server would not count it twice anyway).
    const redeem = document.getElementById('redeem-form');
    if (redeem) {
        redeem.addEventListener('submit', () => {
            document.getElementById('redeem-submit').disabled = true;
        });
    }
})();
