-- crowdcart demo data: hotspots on lena's desk-tour video (/v/1), one per tagged product, each
-- showing while its product is on screen. Only tags without a hotspot yet are set, so running it
-- again, or after lena placed her own, changes nothing.
UPDATE video_tags SET spot_x = 30, spot_y = 40, spot_label = 'The lamp'
  WHERE video_id = 1 AND product_id = 7 AND spot_x IS NULL;
UPDATE video_tags SET spot_x = 60, spot_y = 45, spot_label = 'Walnut stand'
  WHERE video_id = 1 AND product_id = 1 AND spot_x IS NULL;
UPDATE video_tags SET spot_x = 50, spot_y = 70, spot_label = 'Felt mat'
  WHERE video_id = 1 AND product_id = 2 AND spot_x IS NULL;
