/* eslint-disable @typescript-eslint/no-deprecated -- the SDK's deprecated names and props are part of what it must implement. */
import { Suspense, createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { FC, ReactNode } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

type AnyComponent = FC<Record<string, unknown>>;
type Mounted = { Component: AnyComponent; props: Record<string, unknown> };

type LaunchOverlay = ReturnType<typeof SDK.useOverlay>;
type LaunchModal = ReturnType<typeof SDK.useModal>;

const OverlayContext = createContext<{ launchOverlay: LaunchOverlay } | undefined>(undefined);
const ModalContext = createContext<{ launchModal: LaunchModal } | undefined>(undefined);

/** Renders what useOverlay / useModal launch, as the console's OverlayProvider and ModalProvider do. */
export const OverlayProvider = ({ children }: { children?: ReactNode }) => {
  const [overlays, setOverlays] = useState<Record<string, Mounted>>({});
  const [modal, setModal] = useState<(Mounted & { id?: string }) | undefined>();
  const counter = useRef(0);
  const closeOverlay = useCallback((id: string) => {
    setOverlays((o) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== id)));
  }, []);
  const launchOverlay = useCallback<LaunchOverlay>((component, props) => {
    counter.current += 1;
    const id = `plugin-overlay-${counter.current}`;
    setOverlays((o) => ({
      ...o,
      [id]: {
        Component: component as AnyComponent,
        props: props ?? {},
      },
    }));
  }, []);
  const launchModal = useCallback<LaunchModal>((component, props, id) => {
    setModal({
      Component: component as AnyComponent,
      props: props ?? {},
      ...(id ? { id } : {}),
    });
  }, []);
  const overlayValue = useMemo(() => ({ launchOverlay }), [launchOverlay]);
  const modalValue = useMemo(() => ({ launchModal }), [launchModal]);
  return (
    <OverlayContext.Provider value={overlayValue}>
      <ModalContext.Provider value={modalValue}>
        {children}
        {Object.entries(overlays).map(([id, { Component, props }]) => (
          <Suspense key={id} fallback={null}>
            <Component
              {...props}
              closeOverlay={() => {
                closeOverlay(id);
              }}
            />
          </Suspense>
        ))}
        {modal ? (
          <Suspense fallback={null}>
            <modal.Component
              {...modal.props}
              closeModal={() => {
                setModal(undefined);
              }}
            />
          </Suspense>
        ) : null}
      </ModalContext.Provider>
    </OverlayContext.Provider>
  );
};

const missing = () => {
  throw new Error('OverlayProvider is missing');
};

export const useOverlay: typeof SDK.useOverlay = () =>
  useContext(OverlayContext)?.launchOverlay ?? missing;

export const useModal: typeof SDK.useModal = () => useContext(ModalContext)?.launchModal ?? missing;
