// Measurement hooks for the spike only. Counts the calls .NET makes into Blazor.Diagrams' JS object (every one is a
// JS interop call: observe/unobserve/getBoundingClientRect) and the OnResize calls that JS makes back into .NET.
(() => {
    const counts = window.__interop = { toJs: 0, toDotNet: 0, byName: {} };
    const lib = window.ZBlazorDiagrams;
    for (const name of Object.keys(lib)) {
        const fn = lib[name];
        if (typeof fn !== 'function') continue;
        lib[name] = function (...args) {
            counts.toJs++;
            counts.byName[name] = (counts.byName[name] || 0) + 1;
            if (name === 'observe' && args[1] && !args[1].__wrapped) {
                const ref = args[1];
                const invoke = ref.invokeMethodAsync.bind(ref);
                ref.invokeMethodAsync = (...a) => { counts.toDotNet++; return invoke(...a); };
                ref.__wrapped = true;
            }
            return fn.apply(this, args);
        };
    }

    window.spike = {
        begin: mode => { window.__spikeMode = mode; performance.mark('diagram:begin'); },
        loaded: (nodes, links) => new Promise(resolve => {
            // Two animation frames after the last render: the frame that paints it, as designer:load does.
            requestAnimationFrame(() => requestAnimationFrame(() => {
                performance.mark('diagram:end');
                performance.measure('diagram:load', 'diagram:begin', 'diagram:end');
                window.__spikeLoaded = { nodes, links, interop: JSON.parse(JSON.stringify(counts)) };
                resolve();
            }));
        }),
    };
})();
