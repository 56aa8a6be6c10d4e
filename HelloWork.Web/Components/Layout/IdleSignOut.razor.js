// Idle sign-out (IdleSignOut.razor): reports a person's activity in the page to the circuit, at most once per throttle, and
// posts the sign-out form when the circuit says the time is up.
const events = ['keydown', 'pointerdown', 'wheel', 'touchstart', 'scroll'];
let handler = null;

export function watch(dotnet, throttleMs) {
    stop();
    let last = 0;
    handler = () => {
        const now = Date.now();
        if (now - last >= throttleMs) {
            last = now;
            dotnet.invokeMethodAsync('Active').catch(() => { });
        }
    };
    for (const name of events) {
        document.addEventListener(name, handler, { passive: true, capture: true });
    }
}

export function stop() {
    if (handler) {
        for (const name of events) {
            document.removeEventListener(name, handler, { capture: true });
        }
        handler = null;
    }
}

export function submit(id) {
    stop();
    // The form comes with the circuit's render; wait a few frames for it if the call came first.
    let tries = 0;
    const post = () => {
        const form = document.getElementById(id);
        if (form) {
            form.submit();
        } else if (tries++ < 120) {
            requestAnimationFrame(post);
        }
    };
    post();
}
