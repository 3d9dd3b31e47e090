import { createContext, useContext } from "react";

// The per-request Content-Security-Policy nonce, so Remix's inline scripts may run.
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
