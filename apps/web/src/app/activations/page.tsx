import type { Metadata } from "next";
import { ActivationGallery } from "@/components/gallery/activation-gallery";

export const metadata: Metadata = { title: "Activations · Actlab" };

export default function ActivationsPage() {
  return (
    <main className="page">
      <ActivationGallery />
    </main>
  );
}
